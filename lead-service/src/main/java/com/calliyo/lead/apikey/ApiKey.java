package com.calliyo.lead.apikey;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A public API key of a company. Only the token's hash is kept; regenerating replaces it, so the old token stops
 * working with the same write. A revoked key keeps its document (and hash) but never authenticates again.
 */
@Document(ApiKeys.COLLECTION)
record ApiKey(@Id String id, String companyId, String name, Set<ApiScope> scopes, String tokenHash,
              Instant createdAt, Instant tokenIssuedAt, Instant lastUsedAt, Instant revokedAt) {
}
