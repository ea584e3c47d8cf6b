// One lint config for every package. Formatting is prettier's job (eslint-config-prettier turns
// off the rules that would fight it); this catches bugs and keeps the habits of the project.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      '.tsbuild/',
      '.test-results/',
      'coverage/',
      '**/fixtures/',
      'contracts/artifacts/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-require-imports': 'off',
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Randomness comes from node:crypto (or an injected rng).',
        },
      ],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // AssemblyScript contract sources: its parser has no `import type`, so imports used only as
    // types must stay plain imports there.
    files: ['contracts/*/assembly/**/*.ts', 'contracts/std/testbed/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
  prettier,
);
