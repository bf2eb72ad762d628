// One file-naming convention, checked by lint: every file and folder under src/ is kebab-case (the suffixes after
// the first dot, such as `.test.tsx` or `.worker.ts`, are lower case), and no two modules in a folder differ only
// by case or extension, which breaks module resolution on case-insensitive disks (macOS and Windows by default).
// A small local rule: eslint-plugin-check-file covers the first part but not the second.
import { readdirSync } from 'node:fs';
import path from 'node:path';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SUFFIX = /^(?:\.[a-z0-9]+)+$/;
const MODULE = /\.(?:[cm]?[jt]sx?)$/;

function stemAndSuffix(name) {
  const dot = name.indexOf('.', 1);
  return dot === -1 ? [name, ''] : [name.slice(0, dot), name.slice(dot)];
}

/** @type {import('eslint').Rule.RuleModule} */
const kebabCaseFiles = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'kebab-case file and folder names, no names that differ only by case or extension',
    },
    schema: [
      { type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false },
    ],
  },
  create(context) {
    const root = context.options[0]?.root ?? 'src';
    const relative = path.relative(path.join(context.cwd, root), context.filename);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return {};
    const parts = relative.split(path.sep);
    const name = parts.pop() ?? '';
    return {
      Program(node) {
        for (const folder of parts) {
          if (!KEBAB.test(folder)) {
            context.report({
              node,
              message: `Folder "${folder}" is not kebab-case (${root}/${relative}).`,
            });
          }
        }
        const [stem, suffix] = stemAndSuffix(name);
        if (!KEBAB.test(stem) || (suffix && !SUFFIX.test(suffix))) {
          context.report({ node, message: `File name "${name}" is not kebab-case.` });
        }
        const moduleStem = name.replace(MODULE, '');
        for (const sibling of readdirSync(path.dirname(context.filename))) {
          if (sibling === name) continue;
          if (sibling.toLowerCase() === name.toLowerCase()) {
            context.report({ node, message: `"${name}" and "${sibling}" differ only by case.` });
          } else if (
            MODULE.test(name) &&
            MODULE.test(sibling) &&
            sibling.replace(MODULE, '') === moduleStem
          ) {
            context.report({
              node,
              message: `"${name}" and "${sibling}" differ only by extension.`,
            });
          }
        }
      },
    };
  },
};

export default { rules: { 'kebab-case-files': kebabCaseFiles } };
