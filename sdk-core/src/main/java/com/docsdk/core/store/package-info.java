/**
 * State shared by the workers of one integration, so that N replicas (a Kubernetes deployment, cron on two hosts)
 * integrate one account without an item handled twice or lost: a leased watermark per scope, per-item claims with
 * the outcome recorded before it is reported, and seen keys. {@link com.docsdk.core.store.IntegrationStore} is the
 * contract; {@link com.docsdk.core.store.IntegrationStore#inMemory()} serves the workers of one JVM, and the
 * {@code sdk-jdbc} module's {@code JdbcIntegrationStore} those of many, in PostgreSQL, MySQL/MariaDB or H2.
 */
package com.docsdk.core.store;
