package com.calliyo.reporting.conversion;

class InvalidGroupByException extends RuntimeException {

    InvalidGroupByException(String value) {
        super("groupBy must be one of " + ConversionGroup.ALLOWED + ", not '" + value + "'");
    }
}
