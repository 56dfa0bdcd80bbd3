package app.stempel.store;

/** What a check of every page of a database file read (see {@link Engine#check}): maps and entries. */
public record FileCheck(int maps, long entries) {
}
