package com.pitchgate.api;

/** The learned model a space uses; {@code model} is null until the space has enough examples for one. */
public record SpaceModelView(String space, ModelView model) {
}
