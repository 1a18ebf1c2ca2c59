#!/usr/bin/env node
// Entry point for `npx baraza`: the CLI is TypeScript, run directly by Node 24's type stripping.
import "../src/server/cli/main.ts";
