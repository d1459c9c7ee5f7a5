package com.calliyo.web.settings.users;

import java.util.List;
import java.util.Map;

import com.calliyo.web.api.GatewayApi;
import com.calliyo.web.api.Page;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/** lead-service's users, as the signed-in admin. */
@Component
public class UsersApi {

    private final GatewayApi api;

    UsersApi(GatewayApi api) {
        this.api = api;
    }

    /** The first 100 users (the API's largest page): a telecalling team's size. */
    public List<TeamUser> list() {
        return api.get("/api/users?size=100", new ParameterizedTypeReference<Page<TeamUser>>() { }).items();
    }

    public TeamUser find(String id) {
        return api.get("/api/users/{id}", TeamUser.class, id);
    }

    public void create(UserForm form) {
        api.post("/api/users", form.body(), Map.class, Map.of());
    }

    /** A new random mPIN for the user; their phones are signed out at once (web sessions stay). */
    public MpinReset resetMpin(String id) {
        return api.post("/api/users/{id}/mpin-reset", Map.of(), MpinReset.class, Map.of(), id);
    }

    public void change(String id, UserEdit edit) {
        api.patch("/api/users/{id}", edit.body(), Map.class, id);
    }
}
