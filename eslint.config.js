// Lint rules. The core (handlers/) must stay platform-free: importing a
// messenger SDK, the SQLite driver or cron from there fails the lint.
import tseslint from 'typescript-eslint';

const platformLibraries = ['grammy', 'grammy/*', '@grammyjs/*', 'vk-io', '@vk-io/*', 'better-sqlite3', 'node-cron', '@maxhub/*'];

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'db/migrations/', 'coverage/', 'dist/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['handlers/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: platformLibraries, message: 'handlers/ is the platform-free core: adapters live in bot/, the database driver in db/, cron in scheduler/.' }] },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Use the injected clock (deps.clock.now()).' },
      ],
    },
  },
);
