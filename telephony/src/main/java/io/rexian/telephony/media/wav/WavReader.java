package io.rexian.telephony.media.wav;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import io.rexian.telephony.media.audio.Resampler;
import io.rexian.telephony.media.codec.G711;

/**
 * Reads a WAV file and converts it to what the engine plays: 8 kHz, mono, 16-bit linear.
 * Accepts PCM 8/16/24-bit and 32-bit float, µ-law and A-law, any sample rate, mono or
 * multichannel (channels are averaged). A data chunk whose size was never written (0, or
 * larger than the file, as a crashed recorder leaves it) is read up to the end of the file.
 */
public final class WavReader {

    public static final int TARGET_RATE = 8000;

    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_FLOAT = 3;
    private static final int FORMAT_ALAW = 6;
    private static final int FORMAT_ULAW = 7;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;

    private WavReader() {
    }

    /** The file's audio as 8 kHz mono 16-bit samples. */
    public static short[] read8kMono(Path file) throws IOException {
        return to8kMono(read(file));
    }

    /** WAV bytes (e.g. a resource in a jar) as 8 kHz mono 16-bit samples; {@code name} is used in errors. */
    public static short[] read8kMono(byte[] wav, String name) throws WavFormatException {
        return to8kMono(read(wav, name));
    }

    /** The file's audio decoded to 16-bit linear, rate and channels unchanged. */
    public static WavAudio read(Path file) throws IOException {
        return read(Files.readAllBytes(file), file.toString());
    }

    private static short[] to8kMono(WavAudio audio) {
        return Resampler.resample(audio.mixToMono(), audio.sampleRate(), TARGET_RATE);
    }

    private static WavAudio read(byte[] bytes, String file) throws WavFormatException {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || buf.getInt(0) != 0x46464952 || buf.getInt(8) != 0x45564157) {
            throw new WavFormatException(file + " is not a RIFF/WAVE file");
        }
        int format = -1;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        int pos = 12;
        while (pos + 8 <= bytes.length) {
            int id = buf.getInt(pos);
            long size = buf.getInt(pos + 4) & 0xFFFFFFFFL;
            int body = pos + 8;
            if (id == 0x20746d66) { // "fmt "
                format = buf.getShort(body) & 0xFFFF;
                channels = buf.getShort(body + 2) & 0xFFFF;
                rate = buf.getInt(body + 4);
                bits = buf.getShort(body + 14) & 0xFFFF;
                if (format == FORMAT_EXTENSIBLE && size >= 40) {
                    format = buf.getShort(body + 24) & 0xFFFF; // first two bytes of the sub-format GUID
                }
            } else if (id == 0x61746164) { // "data"
                if (format < 0) {
                    throw new WavFormatException(file + ": data chunk before fmt chunk");
                }
                long available = bytes.length - body;
                int length = (int) (size == 0 || size > available ? available : size);
                return decode(file, buf, body, length, format, channels, rate, bits);
            }
            pos = body + (int) Math.min(size + (size & 1), bytes.length); // chunks are word aligned
        }
        throw new WavFormatException(file + " has no data chunk");
    }

    private static WavAudio decode(String file, ByteBuffer buf, int offset, int length, int format,
                                   int channels, int rate, int bits) throws WavFormatException {
        if (channels < 1 || rate < 1000) {
            throw new WavFormatException(file + ": " + channels + " channels at " + rate + " Hz is not playable audio");
        }
        int bytesPerSample = switch (format) {
            case FORMAT_PCM -> switch (bits) {
                case 8, 16, 24, 32 -> bits / 8;
                default -> throw new WavFormatException(file + ": " + bits + "-bit PCM is not supported");
            };
            case FORMAT_FLOAT -> {
                if (bits != 32) {
                    throw new WavFormatException(file + ": " + bits + "-bit float is not supported");
                }
                yield 4;
            }
            case FORMAT_ALAW, FORMAT_ULAW -> 1;
            default -> throw new WavFormatException(file + ": WAV format " + format + " is not supported (use PCM, A-law or µ-law)");
        };
        int count = length / bytesPerSample;
        short[] samples = new short[count];
        for (int i = 0; i < count; i++) {
            int p = offset + i * bytesPerSample;
            samples[i] = switch (format) {
                case FORMAT_ALAW -> G711.alawToLinear(buf.get(p));
                case FORMAT_ULAW -> G711.ulawToLinear(buf.get(p));
                case FORMAT_FLOAT -> (short) Math.max(-32768, Math.min(32767, Math.round(buf.getFloat(p) * 32767.0)));
                default -> switch (bytesPerSample) {
                    case 1 -> (short) (((buf.get(p) & 0xFF) - 128) << 8); // 8-bit WAV is unsigned
                    case 2 -> buf.getShort(p);
                    case 3 -> (short) ((buf.get(p + 1) & 0xFF) | (buf.get(p + 2) << 8));
                    default -> buf.getShort(p + 2);
                };
            };
        }
        return new WavAudio(samples, rate, channels);
    }

    /** Interleaved 16-bit samples at their original rate and channel count. */
    public record WavAudio(short[] samples, int sampleRate, int channels) {

        public short[] mixToMono() {
            if (channels == 1) {
                return samples;
            }
            short[] mono = new short[samples.length / channels];
            for (int i = 0; i < mono.length; i++) {
                int sum = 0;
                for (int c = 0; c < channels; c++) {
                    sum += samples[i * channels + c];
                }
                mono[i] = (short) (sum / channels);
            }
            return mono;
        }

        /** One channel (0 = left) of the audio. */
        public short[] channel(int index) {
            short[] out = new short[samples.length / channels];
            for (int i = 0; i < out.length; i++) {
                out[i] = samples[i * channels + index];
            }
            return out;
        }
    }
}
