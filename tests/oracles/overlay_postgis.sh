#!/bin/bash
# Second, independent oracle for the overlay figures on the Huichang sample: PostGIS
# (ST_Union, ST_Intersection, ST_Area on geography). Cross-checks overlay_geopandas.py.
#
#   tests/oracles/overlay_postgis.sh [samples/huichang/huichang.gpkg]
#
# Starts a throw-away PostgreSQL cluster (Debian postgresql-15 + postgresql-15-postgis-3) in a
# temporary directory, as user postgres, listening on 127.0.0.1 only on a free port; loads the
# layers with ogr2ogr; prints one JSON object; stops the server and removes the cluster.
# Areas: ST_Transform(..., 4490)::geography — PostGIS takes the spheroid of SRID 4490 from
# spatial_ref_sys (GRS80, as CGCS2000), and ST_Area(geography) is Karney's geodesic area.
set -euo pipefail
GPKG=$(readlink -f "${1:-samples/huichang/huichang.gpkg}")
PGBIN=/usr/lib/postgresql/15/bin
DIR=$(mktemp -d /tmp/redline-postgis-XXXXXX)
chown postgres "$DIR"
PORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg() { runuser -u postgres -- "$@"; }
cleanup() {
  as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT
as_pg "$PGBIN/initdb" -D "$DIR/data" -U postgres -A trust >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off" start >/dev/null
PSQL=(psql -X -q -At -h 127.0.0.1 -p "$PORT" -U postgres -d oracle)
as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres oracle
"${PSQL[@]}" -c "CREATE EXTENSION postgis" >/dev/null
for layer in county redline reserves parcels mines shoreline; do
  ogr2ogr -f PostgreSQL "PG:host=127.0.0.1 port=$PORT user=postgres dbname=oracle" "$GPKG" "$layer" \
    -nln "$layer" -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=GIST -nlt PROMOTE_TO_MULTI
done
"${PSQL[@]}" <<'SQL'
CREATE TEMP TABLE cover AS SELECT ST_Union(geom) AS g FROM redline;
CREATE FUNCTION ha(g geometry) RETURNS float8 IMMUTABLE LANGUAGE sql
  AS $$ SELECT ST_Area(ST_Transform(g, 4490)::geography) / 1e4 $$;
SELECT json_build_object(
  'county', (SELECT json_build_object('area_ha', ha(c.geom), 'inside_ha', ha(ST_Intersection(c.geom, cover.g)),
                                      'percent', 100 * ha(ST_Intersection(c.geom, cover.g)) / ha(c.geom))
             FROM county c, cover),
  'reserves', (SELECT json_agg(json_build_object('BSM', r.bsm, 'area_ha', ha(r.geom),
                                                 'inside_ha', ha(ST_Intersection(r.geom, cover.g))) ORDER BY r.bsm)
               FROM reserves r, cover),
  'tabulate', (SELECT json_agg(json_build_object('class', t.dlbm, 'area_ha', t.a) ORDER BY t.dlbm)
               FROM (SELECT p.dlbm, sum(ha(ST_Intersection(p.geom, z.geom))) AS a
                     FROM parcels p JOIN redline z ON ST_Intersects(p.geom, z.geom) GROUP BY p.dlbm) t
               WHERE t.a > 0),
  'mines', (SELECT json_agg(json_build_object('BSM', m.bsm, 'inside_ha', ha(ST_Intersection(m.geom, cover.g))) ORDER BY m.bsm)
            FROM mines m, cover WHERE ha(ST_Intersection(m.geom, cover.g)) > 0),
  'shoreline', (SELECT json_agg(json_build_object('BSM', s.bsm, 'inside_ha', ha(ST_Intersection(s.geom, cover.g))) ORDER BY s.bsm)
                FROM shoreline s, cover WHERE ha(ST_Intersection(s.geom, cover.g)) > 0));
SQL
