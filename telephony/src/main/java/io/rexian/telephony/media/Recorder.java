package io.rexian.telephony.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.rexian.telephony.media.wav.WavWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records one session to WAV. The pacing thread only copies each tick's two frames into a queue
 * ({@link #offer}); a virtual thread does the file I/O and rewrites the WAV header about once a
 * second, so a crash loses at most a second and leaves a playable file.
 */
final class Recorder {

    private static final Logger log = LoggerFactory.getLogger(Recorder.class);
    private static final int FRAMES_PER_HEADER_UPDATE = 50; // 50 × 20 ms = 1 s
    private static final short[] END = new short[0];

    private final RecordingLayout layout;
    private final WavWriter writer;
    private final LinkedBlockingQueue<short[]> frames = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final Path file;

    Recorder(Path file, RecordingLayout layout) throws IOException {
        this.file = file;
        this.layout = layout;
        this.writer = new WavWriter(file, 8000, layout == RecordingLayout.STEREO ? 2 : 1);
        this.thread = Thread.ofVirtual().name("recorder-" + file.getFileName()).start(this::run);
    }

    /** Called on the pacing thread with what the party said and what it heard this tick; never blocks. */
    void offer(short[] party, short[] heard) {
        int n = party.length;
        short[] out;
        if (layout == RecordingLayout.STEREO) {
            out = new short[2 * n];
            for (int i = 0; i < n; i++) {
                out[2 * i] = party[i];
                out[2 * i + 1] = heard[i];
            }
        } else {
            out = new short[n];
            for (int i = 0; i < n; i++) {
                out[i] = (short) Math.max(-32768, Math.min(32767, party[i] + heard[i]));
            }
        }
        frames.add(out);
    }

    /** Finishes the file asynchronously; the header is final once the writer thread ends. */
    void stop() {
        frames.add(END);
    }

    /** Waits until the file is complete (for tests and orderly shutdown). */
    boolean awaitClosed(long millis) throws InterruptedException {
        return thread.join(java.time.Duration.ofMillis(millis));
    }

    Path file() {
        return file;
    }

    private void run() {
        int sinceUpdate = 0;
        try (writer) {
            while (true) {
                short[] frame = frames.poll(1, TimeUnit.SECONDS);
                if (frame == END) {
                    return;
                }
                if (frame != null) {
                    writer.write(frame, frame.length);
                    sinceUpdate++;
                }
                if (sinceUpdate >= FRAMES_PER_HEADER_UPDATE || (frame == null && sinceUpdate > 0)) {
                    writer.updateHeader();
                    sinceUpdate = 0;
                }
            }
        } catch (IOException e) {
            log.error("recording {} failed; the file holds what was written so far", file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
