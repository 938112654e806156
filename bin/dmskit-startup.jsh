// dmskit jshell startup (loaded by bin/dms-jshell after jshell's DEFAULT startup)
import io.dmskit.mappings.*;
import static io.dmskit.mappings.Rules.*;
import io.dmskit.core.*;
import io.dmskit.core.endpoint.*;
import io.dmskit.core.task.*;
import io.dmskit.core.provision.*;
import io.dmskit.core.serverless.*;
import io.dmskit.core.exception.*;
import io.dmskit.model.*;
import io.dmskit.verify.*;
import io.dmskit.testkit.*;
import io.dmskit.engine.*;
import io.dmskit.examples.*;
import java.nio.file.*;
import java.time.*;
