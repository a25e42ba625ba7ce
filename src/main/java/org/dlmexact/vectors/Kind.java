package org.dlmexact.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One kind of vector file: how to generate it and how to recompute one of its cases. */
public interface Kind {

    /** The kind's name, e.g. {@code info}; the file is {@code <name>.json}. */
    //@ pure
    String name();

    /** The whole file tree, deterministically. */
    /*@ public normal_behavior
      @   ensures \result != null;
      @ pure @*/
    ObjectNode generate();

    /**
     * Recomputes one case from its inputs and returns the differences from what the file says
     * (empty when the case is right).
     */
    /*@ public normal_behavior
      @   requires group != null && test != null;
      @   ensures \result != null;
      @ pure @*/
    List<String> verify(JsonNode group, JsonNode test);
}
