-- Catalogue schema. Item ids are the natural ids of the sources where they exist (songs: yes/complete id;
-- playlists: source offset + line index) so re-ingest upserts in place; artists get a surrogate id keyed
-- by their normalised name.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE catalogue_meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);

CREATE TABLE genres (
    name         text PRIMARY KEY,
    parent       text REFERENCES genres (name) DEFERRABLE INITIALLY DEFERRED,
    depth        int  NOT NULL,
    display_name text NOT NULL
);

CREATE TABLE genre_aliases (
    alias text PRIMARY KEY,
    genre text NOT NULL REFERENCES genres (name)
);

-- The inspectable tag -> genre table: every source tag, its genre (NULL when dropped) and why.
CREATE TABLE tag_genre_map (
    tag    text PRIMARY KEY,
    genre  text REFERENCES genres (name),
    rule   text NOT NULL CHECK (rule IN ('CANONICAL', 'ALIAS', 'DERIVED', 'STOP', 'UNMAPPED')),
    uses   int  NOT NULL DEFAULT 0
);
CREATE INDEX tag_genre_map_genre ON tag_genre_map (genre);

CREATE TABLE artists (
    id         bigserial PRIMARY KEY,
    name       text             NOT NULL,
    name_key   text             NOT NULL UNIQUE,
    hetrec_id  int,
    song_count int              NOT NULL DEFAULT 0,
    popularity double precision NOT NULL DEFAULT 0,
    search     tsvector GENERATED ALWAYS AS (to_tsvector('simple', name)) STORED
);
CREATE INDEX artists_search ON artists USING gin (search);
CREATE INDEX artists_name_trgm ON artists USING gin (lower(name) gin_trgm_ops);

CREATE TABLE songs (
    id            bigint PRIMARY KEY,
    title         text             NOT NULL,
    artist_credit text             NOT NULL,
    artist_id     bigint           NOT NULL REFERENCES artists (id),
    tags          text[]           NOT NULL DEFAULT '{}',
    popularity    double precision NOT NULL DEFAULT 0,
    search        tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', artist_credit), 'B')) STORED
);
CREATE INDEX songs_artist ON songs (artist_id);
CREATE INDEX songs_search ON songs USING gin (search);
CREATE INDEX songs_title_trgm ON songs USING gin (lower(title) gin_trgm_ops);

CREATE TABLE playlists (
    id           bigint PRIMARY KEY,
    source       text             NOT NULL,
    source_index int              NOT NULL,
    name         text             NOT NULL,
    song_count   int              NOT NULL,
    popularity   double precision NOT NULL DEFAULT 0,
    search       tsvector GENERATED ALWAYS AS (to_tsvector('simple', name)) STORED,
    UNIQUE (source, source_index)
);
CREATE INDEX playlists_search ON playlists USING gin (search);
CREATE INDEX playlists_name_trgm ON playlists USING gin (lower(name) gin_trgm_ops);

CREATE TABLE playlist_songs (
    playlist_id bigint NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,
    position    int    NOT NULL,
    song_id     bigint NOT NULL REFERENCES songs (id),
    PRIMARY KEY (playlist_id, position)
);
CREATE INDEX playlist_songs_song ON playlist_songs (song_id);

-- Sparse genre vectors (weights of one item sum to 1): queryable copy of the exported vectors.
CREATE TABLE item_genres (
    item_type char(1) NOT NULL CHECK (item_type IN ('s', 'p', 'a')),
    item_id   bigint  NOT NULL,
    genre     text    NOT NULL REFERENCES genres (name),
    weight    real    NOT NULL CHECK (weight > 0 AND weight <= 1),
    PRIMARY KEY (item_type, item_id, genre)
);
CREATE INDEX item_genres_genre ON item_genres (genre, item_type, weight DESC);
