# The app's runnable jar in a JRE image. Build the jar first (./mvnw -q package -DskipTests), then:
#   docker build -t multidb:0.1.0 .
FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 --no-create-home multidb
WORKDIR /app
COPY app/target/app.jar /app/app.jar
USER 10001
EXPOSE 7070
# Exec form: java is PID 1 and gets SIGTERM itself, so the graceful shutdown runs (SHUTDOWN_GRACE_MS).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
CMD ["serve"]
