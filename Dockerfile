# Build and run HoiBot. docker compose builds this image (see docker-compose.yml).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY messages messages
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl fonts-dejavu-core fontconfig \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system hoibot && useradd --system --gid hoibot --home-dir /app --shell /usr/sbin/nologin hoibot
WORKDIR /app
COPY --from=build /src/target/hoibot-*.jar /app/hoibot.jar
COPY config /app/config
# the service writes only under /app (./data for the embedded database, ./logs for the console's log)
RUN mkdir -p /app/data /app/logs && chown -R hoibot:hoibot /app/data /app/logs
ENV TZ=Asia/Ho_Chi_Minh
EXPOSE 8080
# never root
USER hoibot:hoibot
ENTRYPOINT ["java", "-jar", "/app/hoibot.jar"]
