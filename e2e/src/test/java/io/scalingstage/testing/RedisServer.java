package io.scalingstage.testing;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's redis-server on 127.0.0.1 with the arguments the operator's Deployment gives it (after the kubelet's
 * {@code $(VAR)} expansion), moved to a free loopback port; and Debian's redis-cli to talk to it as a user would.
 */
public final class RedisServer implements AutoCloseable {

    private final int port;
    private final Process process;
    private final Path log;

    private RedisServer(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** @param args the container's args, the program's name first, as the redis image's entrypoint runs them */
    public static RedisServer start(Path directory, List<String> args) {
        if (!args.get(0).equals("redis-server")) {
            throw new IllegalArgumentException("not redis-server's arguments: " + args);
        }
        int port = OperatorProcess.freePort();
        List<String> command = new ArrayList<>();
        command.add(Toolchain.get().redisServer().toString());
        command.addAll(args.subList(1, args.size()));
        // Later options win: only the address changes.
        command.addAll(List.of("--port", String.valueOf(port), "--bind", "127.0.0.1"));
        Path log = directory.resolve("redis.log");
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            RedisServer server = new RedisServer(port, process, log);
            server.awaitListening();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server", e);
        }
    }

    public int port() {
        return port;
    }

    /** redis-cli with these arguments (without its warning about a password on the command line). */
    public static Commands.Result cli(String... args) {
        List<String> command = new ArrayList<>(List.of(Toolchain.get().redisCli().toString(), "--no-auth-warning"));
        command.addAll(List.of(args));
        return Commands.execute(command, null);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited:\n" + Commands.tail(log, 40));
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("redis-server is not listening:\n" + Commands.tail(log, 40));
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
