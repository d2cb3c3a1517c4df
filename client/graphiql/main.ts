import { createElement, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import type { GraphiQLProps } from 'graphiql';
import 'graphiql/style.css';
// Thai text on any machine, from this server (each script's file loads only where the page shows it).
import '@fontsource/sarabun/400.css';
import '@fontsource/sarabun/700.css';
import './page.css';

/** The token lives in this tab only: never in localStorage, a cookie or GraphiQL's saved headers. */
const TOKEN_KEY = 'eplan-api-token';
const tokenInput = document.querySelector<HTMLInputElement>('#api-token')!;
const tokenState = document.querySelector<HTMLElement>('[data-testid="graphiql-token-state"]')!;

function showToken(): void {
  const held = sessionStorage.getItem(TOKEN_KEY);
  tokenState.textContent = held ? 'ใช้ token แล้ว / token in use' : 'ยังไม่มี token: ถามได้เฉพาะข้อมูลสาธารณะ / no token: public data only';
}

document.querySelector('form.api-token')!.addEventListener('submit', (event) => {
  event.preventDefault();
  const token = tokenInput.value.trim();
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
  tokenInput.value = '';
  showToken();
});
document.querySelector('[data-testid="graphiql-token-clear"]')!.addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  tokenInput.value = '';
  showToken();
});
showToken();

/**
 * Every operation to the app's own /graphql, with the token as a bearer token and without the browser's
 * session cookie: free-form text is run for API tokens (a browser session runs only the web client's
 * trusted documents).
 */
const fetcher: GraphiQLProps['fetcher'] = async (params) => {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'omit',
    headers: {
      'content-type': 'application/json',
      // The server refuses simple (CSRF-able) requests; this header marks a real API call.
      'apollo-require-preflight': 'true',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(params),
  });
  return response.json();
};

createRoot(document.getElementById('graphiql')!).render(
  createElement(
    StrictMode,
    null,
    createElement(GraphiQL, {
      fetcher,
      defaultQuery:
        '# ต้นทุนที่เหลือของ token / what is left of the token’s budget\n{\n  rateLimit {\n    limit\n    remaining\n    resetAt\n  }\n}\n',
      shouldPersistHeaders: false,
      isHeadersEditorEnabled: false,
    }),
  ),
);
