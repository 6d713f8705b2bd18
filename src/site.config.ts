// Operator settings, read at build time. Everything has a working default so `npm start` needs no setup.
const env = import.meta.env;

export const site = {
  name: env.PUBLIC_SITE_NAME || 'Example Voice Support',
  provider: env.PUBLIC_PROVIDER_NAME || 'Example Voice',
  /** Repository that holds content/, for "Edit this article" links. */
  repoUrl: env.PUBLIC_REPO_URL || 'https://github.com/example-voice/support-site',
  repoBranch: env.PUBLIC_REPO_BRANCH || 'main',
};
