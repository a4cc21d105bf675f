#!/bin/sh
echo "Prisma's native schema engine is not available offline: run 'npm run db:migrate' (WebAssembly engine) instead." >&2
exit 1
