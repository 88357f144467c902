package dev.multidb.app.testing;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** Concurrent requests for a while, each answer recorded with how long it took. */
public final class Flood {

    /** One answer: its status and how long it took. */
    public record Answer(String what, int status, Duration took) {
    }

    private Flood() {
    }

    /**
     * Runs {@code threads} callers for {@code length}; caller {@code i} sends {@code request.apply(i)} again and
     * again. Returns every answer.
     */
    public static List<Answer> run(int threads, Duration length, IntFunction<Request> request) {
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + length.toNanos();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < threads; i++) {
                Request each = request.apply(i);
                callers.submit(() -> {
                    while (System.nanoTime() - end < 0) {
                        answers.add(time(each.what(), each.send()));
                    }
                });
            }
        }
        return List.copyOf(answers);
    }

    /** Sends {@code request} one after another until {@code length} passes (a watcher beside a flood). */
    public static List<Answer> watch(Duration length, String what, Supplier<HttpResponse<String>> request) {
        List<Answer> answers = new java.util.ArrayList<>();
        long end = System.nanoTime() + length.toNanos();
        while (System.nanoTime() - end < 0) {
            answers.add(time(what, request));
        }
        return answers;
    }

    private static Answer time(String what, Supplier<HttpResponse<String>> request) {
        long start = System.nanoTime();
        int status = request.get().statusCode();
        return new Answer(what, status, Duration.ofNanos(System.nanoTime() - start));
    }

    /** What one caller sends. */
    public record Request(String what, Supplier<HttpResponse<String>> send) {
    }
}
