#!/usr/bin/env bash
# Records every public member the build reports as undeclared (RS0016) in src/HaloNotebooks/PublicAPI.Unshipped.txt.
# Run it after a deliberate change to the library's public API, then review the diff. Removed members (RS0017) are
# reported by the build with the line to delete from PublicAPI.Shipped.txt / PublicAPI.Unshipped.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
file=src/HaloNotebooks/PublicAPI.Unshipped.txt
out=$(dotnet build src/HaloNotebooks -c Release 2>&1 || true)
new=$(printf '%s\n' "$out" | sed -n "s/.*error RS0016: Symbol '\(.*\)' is not part of the declared public API.*/\1/p" | sort -u)
if [ -z "$new" ]; then echo "public API: nothing undeclared"; exit 0; fi
{ cat "$file"; printf '%s\n' "$new"; } | awk 'NR==1 && /^#nullable/ {print; next} {print}' | { read -r first; echo "$first"; sort -u; } > "$file.tmp"
mv "$file.tmp" "$file"
echo "public API: recorded $(printf '%s\n' "$new" | wc -l) members in $file"
