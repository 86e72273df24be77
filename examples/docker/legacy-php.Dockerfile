FROM php:8.2-apache
MAINTAINER Web Team <web@example.com>
RUN apt-get update
RUN apt-get install -y libzip-dev unzip \
    && docker-php-ext-install zip
RUN curl -sS https://getcomposer.org/installer | php -- --install-dir=/usr/local/bin --filename=composer
COPY --from=composer:2 /usr/bin/composer /usr/bin/composer2
RUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash - \
    && apt-get install -y nodejs
WORKDIR var/www/html
COPY . .
RUN sudo chown -R www-data:www-data /var/www/html
EXPOSE 80 22
CMD ["apache2-foreground"]
