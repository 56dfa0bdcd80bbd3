package app.stempel.program;

/** Where a member stands: new → regular → loyal, by visits in the program's trailing window. */
public enum Tier {
    NEW, REGULAR, LOYAL
}
