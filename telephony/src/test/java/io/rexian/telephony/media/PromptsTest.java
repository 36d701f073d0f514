package io.rexian.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import io.rexian.telephony.media.wav.TestWavFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptsTest {

    @Test
    void promptFromWavBytesEqualsPromptFromFile(@TempDir Path dir) throws Exception {
        Path file = TestWavFiles.write(dir.resolve("chime.wav"), 1, 16000, 1, 16,
                TestWavFiles.pcm16(TestWavFiles.sine(700, 16000, 250, 7000)));
        Prompt fromBytes = Prompt.fromWav("chime", Files.readAllBytes(file));
        assertThat(fromBytes.samplesCopy()).containsExactly(Prompt.load(file).samplesCopy());
        assertThat(fromBytes.duration().toMillis()).isEqualTo(250);
    }

    @Test
    void loadsOnceAndReloadsWhenTheFileChanges(@TempDir Path dir) throws Exception {
        Prompts prompts = new Prompts();
        Path file = TestWavFiles.write(dir.resolve("hello.wav"), 1, 8000, 1, 16,
                TestWavFiles.pcm16(TestAudio.sine(500, 300, 5000)));
        Prompt first = prompts.get(file);
        assertThat(prompts.get(file)).isSameAs(first);
        assertThat(first.duration().toMillis()).isEqualTo(300);

        TestWavFiles.write(file, 1, 8000, 1, 16, TestWavFiles.pcm16(TestAudio.sine(500, 600, 5000)));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(prompts.get(file).duration().toMillis()).isEqualTo(600);
    }
}
