/** What the provisioner reports and takes: plans and their changes, apply policy and result, retries, progress. */
package io.dmskit.core.provision;
