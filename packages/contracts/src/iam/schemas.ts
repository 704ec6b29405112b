import { z } from 'zod';
import type { IamEndpointId } from './endpoints.js';

/**
 * IAM's requests and answers: the fields the console reads are required, the rest IAM sends is
 * described (optional) so the sandbox answers what IAM does. Unknown fields are ignored.
 */

const byIdOrName = z.union([
  z.object({ id: z.string().min(1) }),
  z.object({ name: z.string().min(1) }),
]);

/** A password sign-in, scoped to a project (or the account). */
export const tokenRequest = z.object({
  auth: z.object({
    identity: z.object({
      methods: z
        .array(z.string())
        .refine((m) => m.includes('password'), 'Only the password method is supported'),
      password: z.object({
        user: z.object({
          name: z.string().min(1),
          password: z.string().min(1),
          domain: z.object({ name: z.string().min(1) }),
        }),
      }),
    }),
    scope: z
      .union([z.object({ project: byIdOrName }), z.object({ domain: byIdOrName })])
      .optional(),
  }),
});

/** Ids name paths of later calls, so an empty one is not an answer. */
const named = z.object({ id: z.string().min(1), name: z.string() });
const role = named;

const token = z.object({
  methods: z.array(z.string()).optional(),
  issued_at: z.string().optional(),
  expires_at: z.string(),
  user: named.extend({ domain: named, password_expires_at: z.string().optional() }),
  project: named.extend({ domain: named.optional() }).optional(),
  domain: named.optional(),
  roles: z.array(role).optional(),
  catalog: z.array(z.unknown()).optional(),
});

export const user = named.extend({
  domain_id: z.string().min(1),
  enabled: z.boolean().optional(),
  pwd_status: z.boolean().optional(),
});

export const project = named.extend({
  domain_id: z.string().optional(),
  enabled: z.boolean().optional(),
  is_domain: z.boolean().optional(),
  parent_id: z.string().optional(),
});

const projects = z.object({ projects: z.array(project) });

/** IAM's error body. */
export const iamError = z.object({
  error: z.object({
    code: z.number().int(),
    title: z.string(),
    message: z.string(),
    error_code: z.string(),
    error_msg: z.string(),
  }),
});

export type IamErrorBody = z.input<typeof iamError>;

const userPath = z.object({ user_id: z.string().min(1) });

export const iamOperations = {
  CreateToken: { body: tokenRequest, response: z.object({ token }) },
  ShowToken: { response: z.object({ token }) },
  ListAuthDomains: {
    response: z.object({ domains: z.array(named.extend({ enabled: z.boolean().optional() })) }),
  },
  ListProjects: { query: z.object({ name: z.string().optional() }), response: projects },
  ListAuthProjects: { query: z.object({ name: z.string().optional() }), response: projects },
  ListUsers: { response: z.object({ users: z.array(user) }) },
  ShowUser: { params: userPath, response: z.object({ user }) },
  ListUserGroups: {
    params: userPath,
    response: z.object({
      groups: z.array(
        named.extend({ description: z.string().optional(), domain_id: z.string().optional() }),
      ),
    }),
  },
  ShowCredential: {
    params: z.object({ access_key: z.string().min(1) }),
    response: z.object({
      credential: z.object({
        access: z.string().optional(),
        user_id: z.string().min(1),
        status: z.string().optional(),
        create_time: z.string().optional(),
        description: z.string().optional(),
      }),
    }),
  },
} as const satisfies Record<
  IamEndpointId,
  { params?: z.ZodObject; query?: z.ZodObject; body?: z.ZodType; response: z.ZodType }
>;

export type IamOperations = typeof iamOperations;

type Part<Id extends IamEndpointId, K extends 'params' | 'query' | 'body'> =
  IamOperations[Id] extends Record<K, z.ZodType> ? z.input<IamOperations[Id][K]> : undefined;

/** What a call sends: path parameters, query and body, each where the operation has one. */
export type IamInput<Id extends IamEndpointId> = {
  [K in 'params' | 'query' | 'body' as Part<Id, K> extends undefined ? never : K]: Part<Id, K>;
};

/** What IAM answers to the operation, as the console reads it. */
export type IamAnswer<Id extends IamEndpointId> = z.output<IamOperations[Id]['response']>;
/** What a server of the operation may send (the sandbox's handlers are typed by this). */
export type IamReply<Id extends IamEndpointId> = z.input<IamOperations[Id]['response']>;
