/** Registry credentials as a login command uses them. */
export interface RegistryLogin {
  registry: string;
  username: string;
  password: string;
  /** A registry spoken to over plain HTTP (the local sandbox): the clients need to be told. */
  insecure?: boolean;
}

export interface ImageReference {
  registry: string;
  namespace: string;
  repository: string;
  /** A tag, or a digest (`sha256:…`). */
  reference: string;
}

export interface ClientCommands {
  docker: string;
  nerdctl: string;
  /** containerd's own client has no login; credentials go with each pull or push. */
  ctr: string;
}

/** `registry/org/repo:tag`, or `…@sha256:…` for a digest. */
export function imageAddress({
  registry,
  namespace,
  repository,
  reference,
}: ImageReference): string {
  const separator =
    reference.includes(':') && /^[a-z0-9]+:[a-f0-9]{32,}$/.test(reference) ? '@' : ':';
  return `${registry}/${namespace}/${repository}${separator}${reference}`;
}

const quote = (value: string) =>
  /^[A-Za-z0-9@%+=:,./_-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;

export function loginCommands(
  login: RegistryLogin,
  example?: Omit<ImageReference, 'registry'>,
): ClientCommands {
  const user = quote(login.username);
  const password = quote(login.password);
  const target = example
    ? imageAddress({ registry: login.registry, ...example })
    : `${login.registry}/<organization>/<repository>:<tag>`;
  return {
    docker: `docker login -u ${user} -p ${password} ${login.registry}`,
    nerdctl: `nerdctl login${login.insecure ? ' --insecure-registry' : ''} -u ${user} -p ${password} ${login.registry}`,
    ctr: `ctr images pull${login.insecure ? ' --plain-http' : ''} --user ${quote(`${login.username}:${login.password}`)} ${target}`,
  };
}

export function pullCommands(
  image: ImageReference,
  options: { insecure?: boolean } = {},
): ClientCommands {
  const address = imageAddress(image);
  return {
    docker: `docker pull ${address}`,
    nerdctl: `nerdctl pull${options.insecure ? ' --insecure-registry' : ''} ${address}`,
    ctr: `ctr images pull${options.insecure ? ' --plain-http' : ''} ${address}`,
  };
}
