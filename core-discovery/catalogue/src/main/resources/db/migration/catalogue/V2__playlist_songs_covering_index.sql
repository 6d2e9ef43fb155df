-- Keyword search counts, for each matching song, the playlists holding it. With (song_id) alone every probe
-- visited the heap of a table not ordered by song; with (song_id, playlist_id) the probe is an index-only scan
-- (given the visibility map the ingest's VACUUM sets). The wider index serves every song_id lookup the old one did.
CREATE INDEX playlist_songs_song_playlist ON playlist_songs (song_id, playlist_id);
DROP INDEX playlist_songs_song;
