package cn.siyiban.central.ratings;

import java.util.List;

/**
 * One page of rectification items.
 *
 * @param total the number of items on all pages with the same filter
 */
record ItemPage(List<Item> items, int total) {

    ItemPage {
        items = List.copyOf(items);
    }
}
