// A local ESLint rule for the folder half of the layer rules (ARCHITECTURE.md, "Dependency rules"):
// a file may import only from the folders its layer allows. It plays the part of
// eslint-plugin-import's `no-restricted-paths` (not a dependency) because `no-restricted-imports`
// matches the specifier's text, and the text does not say where an import lands: from
// main/node/cli/, `../../app/menu.js` is main/app while `../app/x.js` from renderer/review/ is
// renderer/app. This rule resolves relative specifiers against the importing file and compares
// folders. Bare specifiers (packages, node:*) are left to `no-restricted-imports` in static
// imports; dynamic `import()` and `require()` are checked here against the same package list, since
// `no-restricted-imports` does not look at them.
//
// Not covered: specifiers that are not string literals (`import(name)`), which the layers do not use.

import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** @param {string} absolute */
function fromRoot(absolute) {
  return relative(root, absolute).split(sep).join('/');
}

/** @param {string} path @param {string} folder */
function inside(path, folder) {
  return path === folder || path.startsWith(`${folder}/`);
}

/** @type {import('eslint').Rule.RuleModule} */
export const layerFolders = {
  meta: {
    type: 'problem',
    docs: { description: 'A layer imports only from the folders ARCHITECTURE.md allows it' },
    schema: [
      {
        type: 'object',
        properties: {
          layer: { type: 'string' },
          allow: { type: 'array', items: { type: 'string' } },
          // Regular expressions of the packages no-restricted-imports bans, for import() and require().
          dynamicPackages: { type: 'array', items: { type: 'string' } },
        },
        required: ['layer', 'allow'],
        additionalProperties: false,
      },
    ],
    messages: {
      folder: "{{layer}} may import only from {{allowed}}: '{{specifier}}' is {{target}}.",
      package: "{{layer}} may not import '{{specifier}}' (ARCHITECTURE.md, dependency rules).",
    },
  },
  create(context) {
    const { layer, allow, dynamicPackages = [] } = context.options[0];
    const packagePatterns = dynamicPackages.map((p) => new RegExp(p));
    const allowed = allow.map((f) => `${f}/`).join(', ');

    /** @param {import('estree').Node} node @param {unknown} source @param {boolean} dynamic */
    function check(node, source, dynamic) {
      if (typeof source !== 'string') return;
      if (source.startsWith('.') || isAbsolute(source)) {
        const target = fromRoot(resolve(dirname(context.filename), source));
        if (!allow.some((f) => inside(target, f))) {
          context.report({
            node,
            messageId: 'folder',
            data: { layer: `${layer}/`, allowed, specifier: source, target: target.startsWith('..') ? 'outside the repository' : target },
          });
        }
      } else if (dynamic && packagePatterns.some((p) => p.test(source))) {
        context.report({ node, messageId: 'package', data: { layer: `${layer}/`, specifier: source } });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value, false),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, false),
      ExportAllDeclaration: (node) => check(node, node.source.value, false),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, true),
      CallExpression: (node) => {
        const [arg] = node.arguments;
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && arg?.type === 'Literal') check(node, arg.value, true);
      },
      // `import x = require('…')` and `typeof import('…')` in type positions (typescript-eslint nodes).
      /** @param {any} node */
      TSExternalModuleReference: (node) => check(node, node.expression.value, true),
      /** @param {any} node */
      TSImportType: (node) => check(node, node.argument?.literal?.value, true),
    };
  },
};
