package io.ovrsis.api.track;

/** MLflow's run states with their protobuf numbers (written as integers in a file store). */
public enum RunStatus {
    RUNNING(1), SCHEDULED(2), FINISHED(3), FAILED(4), KILLED(5);

    private final int code;

    RunStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
