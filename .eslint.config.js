import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['node_modules/', 'var/', 'coverage/', 'tests/artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The console's pages are plain ES modules that run in the browser.
  {
    files: ['server/console/public/**/*.js'],
    languageOptions: {
      globals: Object.fromEntries(['window', 'document', 'location', 'history', 'navigator', 'fetch', 'console', 'setTimeout', 'clearTimeout',
        'setInterval', 'clearInterval', 'requestAnimationFrame', 'URL', 'URLSearchParams', 'Blob', 'FormData', 'Node', 'HTMLElement', 'Event',
        'CustomEvent', 'localStorage', 'sessionStorage', 'confirm', 'alert', 'prompt', 'Intl'].map((g) => [g, 'readonly'])),
    },
  },
  // Tests read JSON answers loosely; the server side is typed end to end.
  { files: ['tests/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
)
