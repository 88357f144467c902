package dev.multidb.database1;

import java.util.List;

/** One keyset page: {@code next} is the last id of the page when more rows follow, else null. */
public record CustomerPage(List<Customer> items, Long next) {

    public CustomerPage {
        items = List.copyOf(items);
    }
}
