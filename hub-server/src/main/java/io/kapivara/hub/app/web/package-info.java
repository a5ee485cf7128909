/** What every HTTP endpoint shares: problem details, the body size limit, the server's settings. */
@NullMarked
package io.kapivara.hub.app.web;

import org.jspecify.annotations.NullMarked;
