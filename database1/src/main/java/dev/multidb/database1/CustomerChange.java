package dev.multidb.database1;

/** A partial update: a null field is left as it is. */
public record CustomerChange(String email, String name) {

    public boolean isEmpty() {
        return email == null && name == null;
    }
}
