package io.ovrsis.runtime.cli;

import io.ovrsis.api.component.ProgressReporter;
import java.io.Console;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars with rate and ETA on stderr. On a terminal the bar redraws in place; otherwise (CI
 * logs, pipes) a line is printed every few seconds.
 */
public final class ConsoleProgress implements ProgressReporter {
    private final ProgressBar bar;

    private ConsoleProgress(ProgressBar bar) {
        this.bar = bar;
    }

    public static ProgressReporter start(String task, long total) {
        Console console = System.console();
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(console != null ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                .setMaxRenderedLength(110);
        if (console != null) {
            b.setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(250);
        } else {
            b.setConsumer(new DelegatingProgressBarConsumer(System.err::println, 110)).setUpdateIntervalMillis(5000);
        }
        return new ConsoleProgress(b.build());
    }

    @Override
    public void step(long n) {
        bar.stepBy(n);
    }

    @Override
    public void message(String text) {
        bar.setExtraMessage(text);
    }

    @Override
    public void close() {
        bar.close();
    }
}
