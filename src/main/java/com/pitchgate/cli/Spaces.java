package com.pitchgate.cli;

import com.pitchgate.space.Space;
import com.pitchgate.space.SpaceDirectory;
import java.util.List;

/** The {@code --space} option of the commands. */
final class Spaces {

    private Spaces() {
    }

    /** The space named by {@code --space}, or every space when it is absent. */
    static List<Space> chosen(SpaceDirectory spaces, String id) {
        if (id == null) {
            return List.copyOf(spaces.all());
        }
        return List.of(spaces.find(id).orElseThrow(() -> new CommandFailure(CommandFailure.ERROR, "unknown space '" + id
                + "': configured spaces are " + spaces.all().stream().map(Space::id).toList())));
    }
}
