package io.fomo.examples.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The folder a command writes its outputs to, claimed so that the command never destroys what it did not
 * create and never writes outside it.
 *
 * <ul>
 *   <li>A run claims the folder with a marker file, {@value #MARKER}, locked for the whole run: a second
 *       run into the same folder finds the lock held and stops before it writes anything. The operating
 *       system releases the lock when the process ends, even when it is killed.</li>
 *   <li>A folder is accepted when it does not exist, is empty, or holds only the outputs of an earlier
 *       run and that run's marker: those outputs, and only those, are replaced. A folder holding anything
 *       else, or an output of ours without the marker (a user's own {@code journal.db}), is refused with
 *       the names it holds.</li>
 *   <li>No symbolic link is followed: the folder itself must not be a link, each output is created anew
 *       with {@link StandardOpenOption#CREATE_NEW} (which fails on a link, even a dangling one), and an
 *       earlier output that is a link is refused, not deleted through.</li>
 * </ul>
 *
 * <p>Not thread-safe: one command owns one instance, and closes it when it is done.
 */
final class OutputFolder implements AutoCloseable {

    /** The marker that says a folder holds the outputs of a run of this command line. */
    static final String MARKER = ".fomo-run";

    private final Path dir;
    private final FileChannel marker;
    private final FileLock lock;

    private OutputFolder(Path dir, FileChannel marker, FileLock lock) {
        this.dir = dir;
        this.marker = marker;
        this.lock = lock;
    }

    /**
     * Claims a folder for a run that writes the given outputs, creating it if needed and removing the
     * outputs of an earlier run.
     *
     * @param dir     the folder
     * @param outputs the names of every file the run may write, without folders
     * @return the claimed folder; close it when the run ends
     * @throws RefusedException if the folder is not one this command may write to
     * @throws IOException      if the file system fails
     */
    static OutputFolder claim(Path dir, Set<String> outputs) throws IOException {
        if (Files.isSymbolicLink(dir)) {
            throw new RefusedException(dir + ": is a symbolic link; give the folder itself");
        }
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new RefusedException(dir + ": exists and is not a folder");
        }
        Files.createDirectories(dir);
        Path markerFile = dir.resolve(MARKER);
        if (Files.isSymbolicLink(markerFile)) {
            throw new RefusedException(markerFile + ": is a symbolic link");
        }
        boolean ours = Files.isRegularFile(markerFile, LinkOption.NOFOLLOW_LINKS);
        Set<String> foreign = new TreeSet<>();
        List<Path> previous = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.equals(MARKER)) {
                    continue;
                }
                if (ours && outputs.contains(name) && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    previous.add(entry);
                } else {
                    foreign.add(name);
                }
            }
        }
        if (!foreign.isEmpty()) {
            throw new RefusedException(dir + ": holds files this command did not write ("
                    + String.join(", ", foreign.stream().limit(5).toList()) + (foreign.size() > 5 ? ", ..." : "")
                    + "); give an empty or new folder with --out");
        }
        FileChannel channel = FileChannel.open(markerFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new RefusedException(dir + ": another run is writing to this folder");
        }
        OutputFolder folder = new OutputFolder(dir, channel, lock);
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("outputs of a fomo run: " + String.join(" ", new TreeSet<>(outputs))
                    + "\n").getBytes(StandardCharsets.UTF_8)));
            for (Path p : previous) {
                Files.delete(p); // a regular file of our own earlier run: never a link, never a folder
            }
        } catch (IOException | RuntimeException e) {
            folder.close();
            throw e;
        }
        return folder;
    }

    /**
     * Returns the path of an output in the folder.
     *
     * @param name the output's file name
     * @return the path
     */
    Path resolve(String name) {
        return dir.resolve(name);
    }

    /**
     * Writes a new output file; fails if anything, a link included, has taken its name since the claim.
     *
     * @param name  the output's file name
     * @param bytes its content
     * @throws IOException if the file exists or cannot be written
     */
    void write(String name, byte[] bytes) throws IOException {
        try {
            Files.write(dir.resolve(name), bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(dir.resolve(name) + ": appeared while the run was writing; nothing was overwritten", e);
        }
    }

    /** Releases the claim; the marker stays, so that a later run may replace these outputs. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            marker.close();
        }
    }

    /** The folder may not be written to; nothing in it was changed. */
    static final class RefusedException extends IOException {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }
}
