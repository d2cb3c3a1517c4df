/** Signs in through the API of a running server, as the client does; the session's bearer token. */
export async function signIn(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      variables: { u: username, p: password },
    }),
  });
  const body = (await res.json()) as { data?: { login: { token: string } }; errors?: Array<{ message: string }> };
  if (!body.data) throw new Error(`sign-in as ${username} refused: ${body.errors?.[0]?.message}`);
  return body.data.login.token;
}
