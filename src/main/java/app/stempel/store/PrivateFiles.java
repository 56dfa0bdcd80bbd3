package app.stempel.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shop's files are its owner's alone: the data folder {@code 0700} and every file the program writes
 * {@code 0600} on Linux and macOS, an access list of the owner alone on Windows. Another local user can
 * then neither copy the members nor try PINs against the stored hash offline.
 */
public final class PrivateFiles {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateFiles.class);
    private static final Set<PosixFilePermission> OWNER = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /**
     * Creates the data folder if needed and makes it and everything in it (one level of subfolders, such as
     * the backups) its owner's alone; says in the log when an existing folder or file was open to others.
     */
    public static void secureFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        int tightened = 0;
        try (Stream<Path> all = Files.walk(dir, 2)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        tightened += restrict(p) ? 1 : 0;
                    } catch (IOException e) {
                        LOG.warn("Could not make {} its owner's alone", p, e);
                    }
                }
            }
        }
        if (tightened > 0) {
            LOG.info("The data folder {} was open to other users: {} folder(s) and file(s) are now its owner's alone",
                    dir, tightened);
        }
    }

    /** Makes a file (or folder) the program made its owner's alone. */
    public static void secureFile(Path file) throws IOException {
        restrict(file);
    }

    /**
     * Takes away what others (group and everyone) may do with {@code path}; what its owner may do stays
     * as it was, so a file made read-only stays read-only.
     *
     * @return true if {@code path} was open to others and no longer is
     */
    private static boolean restrict(Path path) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (posix != null) {
            Set<PosixFilePermission> now = posix.readAttributes().permissions();
            Set<PosixFilePermission> owners = EnumSet.noneOf(PosixFilePermission.class);
            now.stream().filter(OWNER::contains).forEach(owners::add);
            if (owners.equals(now)) {
                return false;
            }
            posix.setPermissions(owners);
            return true;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (acl == null) {
            return false;
        }
        UserPrincipal owner = acl.getOwner();
        List<AclEntry> before = acl.getAcl();
        if (before.size() == 1 && before.get(0).principal().equals(owner)) {
            return false;
        }
        acl.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build()));
        return true;
    }
}
