package dev.wsbench.versions;

import dev.wsbench.Arguments.UsageException;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;

/**
 * JMH's own guard against two runs measuring at once: the lock on {@code java.io.tmpdir/jmh.lock}
 * that every JMH run takes. A comparison's forks are JMH runs of their own that skip it
 * ({@code -Djmh.ignoreLock=true}, so that the two forks of a parallel pair can run together), so the
 * comparison takes it for them, for its whole run, and another JMH run waits for it or stops.
 */
final class JmhLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private JmhLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @throws UsageException when another run holds the lock (JMH's own words for it, and the way out)
     */
    static JmhLock acquire() throws IOException {
        File file = new File(System.getProperty("java.io.tmpdir"), "jmh.lock");
        if (Boolean.getBoolean("jmh.ignoreLock")) {
            return new JmhLock(null, null);
        }
        FileChannel channel = new RandomAccessFile(file, "rw").getChannel();
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new UsageException("another JMH run holds " + file + ": wait for it to end (two runs at once measure each other),"
                    + " or set COMPARE_JAVA_OPTS=-Djmh.ignoreLock=true to run anyway");
        }
        return new JmhLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        if (lock != null) {
            lock.release();
            channel.close();
        }
    }
}
