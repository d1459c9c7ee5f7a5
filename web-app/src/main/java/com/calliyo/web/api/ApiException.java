package com.calliyo.web.api;

/** The gateway answered with an error; controllers turn it into words beside the form or an error page. */
public class ApiException extends RuntimeException {

    private final transient ApiProblem problem;

    public ApiException(ApiProblem problem) {
        super(problem.status() + " " + problem.title());
        this.problem = problem;
    }

    public ApiProblem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }
}
