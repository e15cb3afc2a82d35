/*
 * `POST /legacy/`: the upload endpoint twine and pypa/gh-action-pypi-publish talk to. Trusted
 * publishing ends in the same place as an API token: HTTP Basic auth as `__token__` with a
 * `pypi-…` macaroon (TECH-FACTS §4). The sandbox accepts any such token; it never logs it.
 */
import type { IncomingMessage } from 'node:http';
import type { Reply } from './reply';
import type { RouteContext } from './route-context';
import { readUploadForm } from './upload-form';
import { acceptUpload, uploadError } from './upload-rules';

export async function handleUpload(context: RouteContext, request: IncomingMessage): Promise<Reply> {
  // Read the whole body first: answering before it is consumed can reset the client mid-upload.
  const form = await readUploadForm(request);
  const refusal = checkAuthorization(context, request.headers.authorization);
  if (refusal) return refusal;
  if (!form) return uploadError('Invalid form data: send multipart/form-data as twine does.');
  const action = form.fields.text(':action');
  if (action !== 'file_upload')
    return uploadError(`Unknown or missing :action (${action ?? 'none'}); only file_upload is supported.`);
  return acceptUpload(context, form);
}

/** warehouse's three ways to refuse an identity, with its 403 messages. */
function checkAuthorization(context: RouteContext, header: string | undefined): Reply | undefined {
  const help = `${context.baseUrl}/help/`;
  const credentials = /^Basic\s+(\S+)$/i.exec(header ?? '')?.[1];
  const decoded = credentials === undefined ? undefined : Buffer.from(credentials, 'base64').toString('utf8');
  const colon = decoded?.indexOf(':') ?? -1;
  if (decoded === undefined || colon < 0) {
    return uploadError(
      `Invalid or non-existent authentication information. See ${help}#invalid-auth for more information.`,
      403,
    );
  }
  const user = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  if (user !== '__token__') {
    return uploadError(
      `Username/Password authentication is no longer supported. Migrate to API ` +
        `Tokens or Trusted Publishers instead. See ${help}#apitoken and ` +
        `${help}#trusted-publishers`,
      403,
    );
  }
  if (!password.startsWith('pypi-'))
    return uploadError("Invalid API Token: InvalidMacaroonError('malformed or nonexistent macaroon')", 403);
  return undefined;
}
