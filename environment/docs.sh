#!/usr/bin/env bash
# The API reference: DocFX (the .NET tool pinned in .config/dotnet-tools.json) reads src/HaloNotebooks' XML doc comments
# and builds a static site in docs/_site/ with README.md as its front page and the executed notebooks as pages.
# Executed notebooks are taken from $DOCS_NOTEBOOKS, else the first of notebooks/executed/builtin,
# notebooks/executed/dotnet-interactive, notebooks/executed that holds .html pages (`halo notebooks run … --output DIR`
# writes them; CI runs this after its notebook runs). Works offline once `dotnet tool restore` and a build have run.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore > /dev/null
rm -rf docs/_site docs/api docs/notebooks docs/index.md docs/notebooks.md
mkdir -p docs/notebooks
cp README.md docs/index.md

source_dir=""
for d in "${DOCS_NOTEBOOKS:-}" notebooks/executed/builtin notebooks/executed/dotnet-interactive notebooks/executed; do
  if [ -n "$d" ] && compgen -G "$d/*.html" > /dev/null; then source_dir=$d; break; fi
done
{
  echo "# Notebooks"
  echo
  echo "The notebooks of \`notebooks/\`, one step of the paper each (see notebooks/README.md), as executed pages."
  echo
  if [ -z "$source_dir" ]; then
    echo "No executed notebooks were found when this site was built: run"
    echo "\`halo notebooks run notebooks/*.ipynb --output notebooks/executed\` first, then \`bash environment/docs.sh\`."
  else
    settings="the paper's settings"
    grep -q "HALO_FAST=1" "$source_dir"/*.html 2>/dev/null && settings="the settings each page states at its top"
    echo "Executed by \`halo notebooks run\` (from \`$source_dir\`), at $settings."
    echo
    for page in "$source_dir"/*.html; do
      name=$(basename "$page" .html)
      cp "$page" "docs/notebooks/$name.html"
      echo "- [$name](notebooks/$name.html)"
    done
  fi
} > docs/notebooks.md

dotnet tool run docfx metadata docs/docfx.json
dotnet tool run docfx build docs/docfx.json
echo "API reference: docs/_site/index.html"
