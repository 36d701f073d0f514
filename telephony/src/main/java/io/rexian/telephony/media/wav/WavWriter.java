package io.rexian.telephony.media.wav;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes 16-bit PCM WAV so that a crash leaves a playable file: the header is written first
 * and its RIFF and data sizes are rewritten by {@link #updateHeader()} (the recorder calls it
 * about once a second) and on {@link #close()}. After a crash at most the last second is
 * missing from the sizes; {@link WavReader} also reads past a stale size to the end of file.
 * Not thread-safe: one writer thread owns it.
 */
public final class WavWriter implements AutoCloseable {

    private static final int HEADER_LENGTH = 44;

    private final FileChannel channel;
    private final int channels;
    private final ByteBuffer buffer = ByteBuffer.allocate(8192).order(ByteOrder.LITTLE_ENDIAN);
    private long dataBytes;

    public WavWriter(Path file, int sampleRate, int channels) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        this.channels = channels;
        ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0x46464952).putInt(36).putInt(0x45564157); // "RIFF" size "WAVE"
        header.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) channels)
                .putInt(sampleRate).putInt(sampleRate * channels * 2).putShort((short) (channels * 2))
                .putShort((short) 16);
        header.putInt(0x61746164).putInt(0); // "data" size
        header.flip();
        channel.write(header, 0);
        channel.position(HEADER_LENGTH);
    }

    /** Appends interleaved samples ({@code length} values, a multiple of the channel count). */
    public void write(short[] samples, int length) throws IOException {
        for (int i = 0; i < length; i++) {
            if (!buffer.hasRemaining()) {
                drain();
            }
            buffer.putShort(samples[i]);
        }
        dataBytes += 2L * length;
    }

    /** Flushes buffered samples and rewrites the header sizes so the file is playable as is. */
    public void updateHeader() throws IOException {
        drain();
        ByteBuffer sizes = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        sizes.putInt(0, (int) Math.min(0xFFFFFFFFL, 36 + dataBytes));
        channel.write(sizes, 4);
        sizes.clear();
        sizes.putInt(0, (int) Math.min(0xFFFFFFFFL, dataBytes));
        channel.write(sizes, 40);
    }

    public int channels() {
        return channels;
    }

    public long dataBytes() {
        return dataBytes;
    }

    @Override
    public void close() throws IOException {
        try {
            updateHeader();
        } finally {
            channel.close();
        }
    }

    private void drain() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }
}
