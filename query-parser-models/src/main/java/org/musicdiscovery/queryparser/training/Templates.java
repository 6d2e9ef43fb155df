package org.musicdiscovery.queryparser.training;

import java.util.List;

/**
 * Query templates. Slots: {g} genre, {x} excluded genre, {ql}/{qm}/{qh} a low / "some" / high quantifier for the
 * next genre, {p} a percentage for the next genre, {a} artist, {t} track, {i} item-type word, {pre}/{post} filler.
 * The held-out templates (and held-out fillers and names) are never trained on: they measure generalisation.
 */
public final class Templates {

    private Templates() {
    }

    public static final List<String> TRAIN = List.of(
            "{pre}{g} with {ql} {g}{post}", "{pre}{qh} {g} {qm} {g}{post}", "{pre}{g} meets {g}{post}",
            "{pre}{p} {g} {p} {g}{post}", "{pre}{g} but not {x}{post}", "{pre}{g} {i} without {x}{post}",
            "{pre}{ql} {g} and {qh} {g}{post}", "{pre}songs like {t} by {a}{post}",
            "{pre}artists similar to {a}{post}", "{pre}{g} {i}{post}", "{pre}{i} by {a}{post}", "{pre}{a}{post}",
            "{pre}{t} by {a}{post}", "{pre}{g} {i} with {ql} {g}{post}", "{pre}{qh} {g} with {ql} {g}{post}",
            "{pre}{g} and {g} {i}{post}", "{pre}{g}, {g} and {g}{post}", "{pre}{a} {i}{post}",
            "{pre}{g} like {a}{post}", "{pre}{i} that sound like {a}{post}", "{pre}{p} {g}, {p} {g}, {p} {g}{post}",
            "{pre}{g} no {x}{post}", "{pre}{g} minus {x}{post}", "{pre}{g} {i} but no {x} or {x}{post}",
            "{pre}{qh} {g}{post}", "{pre}{t}{post}", "{pre}{g} from {a}{post}", "{pre}{g} mixed with {qm} {g}{post}",
            "{pre}{a} and {a}{post}", "{pre}something like {t}{post}", "{pre}{g} with {qm} {g} but not {x}{post}",
            "{pre}{i} similar to {t} by {a}{post}", "{pre}the song {t}{post}", "{pre}{g} {i} by {a}{post}",
            "{pre}{qm} {g}, {qm} {g}{post}", "{pre}{g} plus {ql} {g}{post}", "{pre}{g} in the style of {a}{post}",
            "{pre}{g} except {x}{post}", "{pre}{t} by {a} but more {g}{post}", "{pre}{a} style {g}{post}",
            "{pre}{i} like {a} and {a}{post}", "{pre}{p} {g} and {p} {g} {i}{post}", "{pre}{g} / {g}{post}",
            "{pre}{a}'s {i}{post}", "{pre}songs like {t}{post}", "{pre}{i} like {t}{post}",
            "{pre}tracks similar to {t}{post}",
            "{pre}{a} with {ql} {g}{post}", "{pre}{g} by {a}{post}", "{pre}{i} from {a} with {qm} {g}{post}",
            "{pre}what about {a}{post}", "{pre}i'm into {a}{post}", "{pre}more {a}{post}", "{pre}{a} vibes{post}",
            "{pre}obsessed with {a} lately{post}", "{pre}anything by {a}{post}", "{pre}a mix for {a} fans{post}",
            "{pre}inspired by {a}{post}", "{pre}{a} or {a}{post}", "{pre}how about {a} and {g}{post}",
            "{pre}{i} featuring {a}{post}", "{pre}best of {a}{post}", "{pre}the new {a} record{post}",
            "{pre}{a} deep cuts{post}", "{pre}{g} for someone who likes {a}{post}", "{pre}{w} {a} {w}{post}",
            "{pre}{w} {w} {a}{post}", "{pre}{a} {w} {w}{post}", "{pre}{w} {t} by {a} {w}{post}",
            "{pre}{w} {w} {g} with {ql} {g} {w}{post}", "{pre}{w} {qh} {g} and {ql} {g}{post}",
            "{pre}{t} - {a}{post}", "{pre}{a}: {t}{post}", "{pre}{w} {a}{post}", "{pre}{a} {w}{post}", "{pre}new {g} {i} like {t}{post}", "{pre}{g} {i} for fans of {a}{post}");

    public static final List<String> HELD_OUT = List.of(
            "{pre}{i} of {g} with just {ql} {g}{post}", "{pre}{g} blended with {qh} {g}{post}",
            "{pre}{qh} {g}, {ql} {g}{post}", "{pre}a {g} and {g} crossover{post}",
            "{pre}{p} {g} / {p} {g}{post}", "{pre}{g} {i} without any {x}{post}",
            "{pre}{g} {i} but please no {x}{post}", "{pre}anything that sounds like {t} by {a}{post}",
            "{pre}bands in the vein of {a}{post}", "{pre}tracks by {a} with {ql} {g}{post}",
            "{pre}{g} fused with {qm} {g} and {ql} {g}{post}", "{pre}in the mood for {a}{post}",
            "{pre}{qh} {g} but not {x}, {i} only{post}", "{pre}{t} from {a}{post}",
            "{pre}{p} {g} with {p} {g} on top{post}", "{pre}stuff like {a} but {qm} {g}{post}");

    public static final List<String> PRE_TRAIN = List.of("", "", "", "play ", "play me ", "find ", "find me ",
            "i want ", "i want to hear ", "give me ", "show me ", "put on ", "can you play ", "looking for ",
            "recommend ", "search for ", "i'd like ", "let's hear ", "queue ", "start ", "i need ", "any ",
            "Play ", "Hey, play ", "yo ", "please play ", "got any ");
    public static final List<String> PRE_HELD = List.of("", "", "could you find ", "i'm craving ", "spin ",
            "throw on ", "dig up ");
    public static final List<String> POST_TRAIN = List.of("", "", "", "", " please", " for a road trip",
            " tonight", " right now", " for studying", " for the gym", " to relax", " for a party", " on spotify",
            " thanks", " from the 90s", " for my morning", " while cooking", " now");
    public static final List<String> POST_HELD = List.of("", "", " for a long drive", " this evening",
            " at work", " cheers");
    /** Everyday words around names, so the name finder learns names rather than their usual neighbours. */
    public static final List<String> WORDS = List.of("really", "maybe", "old", "classic", "favorite", "chill",
            "loud", "quiet", "happy", "sad", "summer", "winter", "rainy", "day", "night", "weekend", "late",
            "early", "morning", "after", "before", "during", "party", "dinner", "workout", "running", "sleep",
            "focus", "driving", "road", "trip", "beach", "home", "alone", "friends", "kids", "love", "dance",
            "energetic", "mellow", "soft", "upbeat", "vibe", "feeling", "listening", "today", "again", "latest",
            "hits", "deep", "cuts", "live", "acoustic", "version", "remix", "album", "record", "records",
            "collection", "essential", "greatest", "rare", "b-sides", "sunday", "monday", "hour", "station",
            "radio", "lol", "pls", "hey", "ok", "okay", "so", "yeah", "nice", "cool", "exactly", "kinda", "sorta");

    public static final List<String> ITEM_WORDS = List.of("songs", "song", "tracks", "playlists", "playlist",
            "artists", "bands", "tunes", "mixes", "music");
}
