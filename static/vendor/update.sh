#!/bin/sh
# Reproduce static/vendor/ from the npm registry with pinned versions.
# The site serves these files itself: analysts often sit on closed networks without CDN access.
# Usage: sh static/vendor/update.sh   (needs node + npm; run from anywhere)
set -eu

VENDOR_DIR=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

cd "$WORK"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts --save-exact \
    bootstrap@4.6.2 jquery@3.7.1 chart.js@4.6.1 leaflet@1.9.4 world-atlas@2.0.2 topojson-client@3.1.0 >/dev/null

M="$WORK/node_modules"
copy() {  # copy PACKAGE FILE... into $VENDOR_DIR/PACKAGE/ keeping only base names
    package=$1; shift
    rm -rf "${VENDOR_DIR:?}/$package"
    mkdir -p "$VENDOR_DIR/$package"
    for file in "$@"; do
        cp "$M/$package/$file" "$VENDOR_DIR/$package/"
    done
}

copy bootstrap dist/css/bootstrap.min.css dist/css/bootstrap.min.css.map \
    dist/js/bootstrap.bundle.min.js dist/js/bootstrap.bundle.min.js.map LICENSE
copy jquery dist/jquery.min.js dist/jquery.min.map LICENSE.txt
copy chart.js dist/chart.umd.js dist/chart.umd.js.map LICENSE.md
copy leaflet dist/leaflet.js dist/leaflet.js.map dist/leaflet.css LICENSE
mkdir -p "$VENDOR_DIR/leaflet/images"
cp "$M"/leaflet/dist/images/*.png "$VENDOR_DIR/leaflet/images/"
copy world-atlas countries-110m.json LICENSE
copy topojson-client dist/topojson-client.min.js LICENSE

# Record what was installed, for the README's version table.
for p in bootstrap jquery chart.js leaflet world-atlas topojson-client; do
    node -e "const p=require('$M/$p/package.json'); console.log(p.name + ' ' + p.version)"
done
