package io.scalingstage.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the project's scripts and the built binaries, failing loudly with what they printed. */
public final class Commands {

    private static final long TIMEOUT_MINUTES = 30;

    private Commands() {
    }

    /** Runs a command, its output going to {@code log}; throws with the log's tail when it fails. */
    public static void run(List<String> command, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            int exit = waitFor(process, command);
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + ":\n"
                        + tail(log, 40));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        }
    }

    /** Runs a command and returns its standard output; throws with standard error when it fails. */
    public static String output(List<String> command) {
        Result result = execute(command, null);
        if (result.exit() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + result.exit() + ":\n"
                    + result.stderr());
        }
        return result.stdout();
    }

    /** Runs a command with {@code stdin} as its input and returns all it printed and its exit code. */
    public static Result execute(List<String> command, String stdin) {
        try {
            Path out = Files.createTempFile("cmd", ".out");
            Path err = Files.createTempFile("cmd", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            if (stdin != null) {
                process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            int exit = waitFor(process, command);
            Result result = new Result(exit, Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        }
    }

    public static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    private static int waitFor(Process process, List<String> command) {
        try {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + TIMEOUT_MINUTES + " minutes");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** What a finished command printed, and its exit code. */
    public record Result(int exit, String stdout, String stderr) {
    }
}
