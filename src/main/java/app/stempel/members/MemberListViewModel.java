package app.stempel.members;

import java.util.Objects;

import app.stempel.search.MemberSearch.MemberRow;
import app.stempel.search.MemberSearch.SearchCursor;
import app.stempel.search.MemberSearch.SearchPage;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Members screen's list: everyone page by page, or the counter's search as the query is typed. */
public final class MemberListViewModel {

    /** Members per page of the list. */
    static final int PAGE = 50;

    private final MembersViewModel screen;
    private final MemberDirectory directory;

    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<MemberRow> members = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper(false);
    private SearchCursor cursor;
    private long generation;

    MemberListViewModel(MembersViewModel screen, MemberDirectory directory) {
        this.screen = Objects.requireNonNull(screen);
        this.directory = Objects.requireNonNull(directory);
        query.addListener((obs, old, now) -> reload());
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<MemberRow> members() {
        return members;
    }

    /** True when another page of the list can be loaded. */
    public ReadOnlyBooleanProperty moreProperty() {
        return more.getReadOnlyProperty();
    }

    /** Loads the list afresh from its first page. */
    void reload() {
        long now = ++generation;
        cursor = null;
        String q = query.get();
        screen.run(() -> directory.browse(q, null, PAGE), page -> {
            if (now == generation) {
                members.setAll(page.rows());
                next(page);
            }
        }, "members.failed.load");
    }

    /** Adds the next page to the list. */
    public void loadMore() {
        if (cursor == null) {
            return;
        }
        long now = generation;
        SearchCursor from = cursor;
        String q = query.get();
        screen.run(() -> directory.browse(q, from, PAGE), page -> {
            if (now == generation) {
                members.addAll(page.rows());
                next(page);
            }
        }, "members.failed.load");
    }

    private void next(SearchPage page) {
        cursor = page.next();
        more.set(cursor != null);
    }
}
